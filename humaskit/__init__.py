"""humaskit: keep every agency's social-media output on the city's pedoman komunikasi publik."""

__version__ = "0.1.0"
