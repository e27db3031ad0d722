"""The spread of a list of times in ms, as the start-up scripts print it."""
import statistics


def spread(t):
    """'median X ms, p10 Y, p90 Z, min A, max B' of times t (ms)."""
    t = sorted(t)
    n = len(t)
    return (f"median {statistics.median(t):.3f} ms, p10 {t[n // 10]:.3f}, "
            f"p90 {t[n * 9 // 10]:.3f}, min {t[0]:.3f}, max {t[-1]:.3f}")
