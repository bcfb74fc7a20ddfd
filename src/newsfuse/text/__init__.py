"""Helpers over the model's text annotations that more than one stage reads (below the stages,
above ``newsfuse.model``): the dependency tree over ``model.Token``."""
