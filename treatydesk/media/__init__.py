"""The photo and document libraries: Wagtail's image and document models with our fields."""
