// newsfuse: the only script the pages load (the CSP forbids inline script).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // The side-by-side table: optionally show only the rows where outlets differ or stand alone.
  const toggle = document.getElementById("only-diff");
  const table = document.getElementById("compare");
  if (toggle && table) {
    const key = "newsfuse.onlyDiff";
    toggle.checked = window.localStorage.getItem(key) === "1";
    const apply = () => table.classList.toggle("only-diff", toggle.checked);
    toggle.addEventListener("change", () => {
      window.localStorage.setItem(key, toggle.checked ? "1" : "0");
      apply();
    });
    apply();
  }

  // An article opened at a sentence anchor: bring that sentence into the middle of the view.
  if (window.location.hash.startsWith("#s-")) {
    const target = document.getElementById(window.location.hash.slice(1));
    if (target) target.scrollIntoView({ block: "center" });
  }
});
