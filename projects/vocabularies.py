"""The controlled lists of the project data (documented in geodata/data/README.md)."""

from django.db import models


class Sector(models.TextChoices):
    ROAD = "road", "Road"
    BRIDGE = "bridge", "Bridge"
    PORT = "port", "Port"
    AIRPORT = "airport", "Airport"
    RAILWAY = "railway", "Railway"
    POWER = "power", "Power"
    WATER = "water", "Water supply"
    IRRIGATION = "irrigation", "Irrigation"
    ICT = "ict", "ICT"
    SEZ_INDUSTRIAL = "sez_industrial", "SEZ / industrial"
    URBAN = "urban", "Urban development"
    HEALTH = "health", "Health"
    DISASTER = "disaster", "Disaster risk"
    OTHER = "other", "Other"


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    STUDY = "study", "Study"
    IMPLEMENTATION = "implementation", "Implementation"
    COMPLETED = "completed", "Completed"
    UNKNOWN = "unknown", "Unknown"


class Stage(models.TextChoices):
    """The stage one paragraph states of a project (pledged/proposed ... completed)."""

    PROPOSED = "proposed", "pledged / proposed"
    STUDY = "study", "study"
    IMPLEMENTATION = "implementation", "implementation"
    COMPLETED = "completed", "completed"


class FundingType(models.TextChoices):
    ODA_LOAN = "oda_loan", "ODA loan"
    GRANT_AID = "grant_aid", "Grant aid"
    TECHNICAL_COOPERATION = "technical_cooperation", "Technical cooperation"
    PRIVATE_INVESTMENT_FINANCE = "private_investment_finance", "Private-sector investment finance"
    JAIF = "jaif", "JAIF"
    MULTILATERAL_COFINANCING = "multilateral_cofinancing", "Multilateral co-financing"
    PARTNER_GOVERNMENT_BUDGET = "partner_government_budget", "Partner-government budget"
    PRIVATE_PPP = "private_ppp", "Private / PPP"
    UNSPECIFIED = "unspecified", "Unspecified"


# The theme a project's sector belongs to (geodata.Theme slugs), beside the themes of the pillars that
# cite it: a hospital counts under People & society whichever pillar names it. "other" has none.
SECTOR_THEMES = {
    Sector.ROAD: "connectivity", Sector.BRIDGE: "connectivity", Sector.PORT: "connectivity",
    Sector.AIRPORT: "connectivity", Sector.RAILWAY: "connectivity", Sector.POWER: "connectivity",
    Sector.URBAN: "connectivity", Sector.WATER: "environment", Sector.IRRIGATION: "environment",
    Sector.DISASTER: "environment", Sector.ICT: "digital", Sector.SEZ_INDUSTRIAL: "industry",
    Sector.HEALTH: "people",
}


def sectors_of_themes(themes) -> list[str]:
    """The sector codes whose theme is one of `themes`."""
    return sorted(sector.value for sector, theme in SECTOR_THEMES.items() if theme in set(themes))
