"""Branded post graphics from templates."""
