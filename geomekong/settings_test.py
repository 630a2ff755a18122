"""Settings for the test suite: development mode, so the built-in SECRET_KEY is allowed."""

import os

os.environ.setdefault("GEOMEKONG_DEVELOPMENT", "1")

from geomekong.settings import *  # noqa: E402,F403
