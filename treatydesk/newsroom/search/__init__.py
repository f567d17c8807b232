"""How readers and machines find the site's pages: site search and the sitemap."""
