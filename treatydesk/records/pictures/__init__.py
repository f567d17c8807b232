"""The register as pictures: the world map on any date, the charts, a State's timeline."""
