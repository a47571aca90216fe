"""Moving one element of an ordered list, as "Flyt op" and "Flyt ned" do everywhere."""


def moved(rows: list, index: int, by: int) -> list:
    """A copy of `rows` with the element at `index` moved `by` places (-1: one up, 1: one
    down), kept within the list's bounds."""
    result = list(rows)
    target = max(0, min(len(result) - 1, index + by))
    result.insert(target, result.pop(index))
    return result
