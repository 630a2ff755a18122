"""AidData-style location precision codes, shared by corridors and projects."""

PRECISION_CODES = {
    1: "exact site",
    2: "within about 25 km",
    3: "district",
    4: "province",
    5: "along a line or spanning provinces",
    6: "country",
}

PRECISION_CHOICES = [(code, f"{code} – {label}") for code, label in PRECISION_CODES.items()]
