"""Progress bars for long commands (generation, loading, linking, exports), shown only on a terminal.

tqdm writes to stderr and, with `disable=None`, stays silent when stderr is not a TTY (CI, pipes,
tests), so callers never need to check.
"""

from tqdm import tqdm


def progress_bar(*, total: int | None, unit: str, description: str) -> tqdm:
    """A bar with the count, the rate and the time left: `with progress_bar(...) as bar: bar.update(n)`."""
    return tqdm(total=total, unit=f" {unit}", unit_scale=True, desc=description, disable=None,
                dynamic_ncols=True, smoothing=0.1)
