"""Static files for production: hashed names (cached for a year), gzip and brotli copies (whitenoise).

The map's ES modules import each other by their plain names (`./api.js`): Django's rewriting of
module imports to hashed names (support_js_module_import_aggregation) fails on them in its
second pass (Django 5.2), so those imports load the unhashed copies, which whitenoise serves
with a short cache (WHITENOISE_MAX_AGE) and revalidation; the pages' own references are hashed.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFiles(CompressedManifestStaticFilesStorage):
    pass
