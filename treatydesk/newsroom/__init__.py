"""What the secretariat publishes as pages: ``news``, ``notices`` drafted from the register,
``meetings`` with their documents, and ``search`` (site search and sitemap; app label
``discovery``).
"""
