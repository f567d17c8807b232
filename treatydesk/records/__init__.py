"""The register as the site keeps and shows it (Django apps over ``treatydesk.core``).

``facts`` stores the deposited facts with their provenance and audit log (app label
``registry``); ``status`` is the public register: counts, the States Parties list, a page per
State; ``obligations`` stores reports and declarations and shows deadlines.
"""
