from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def norm(p: Point) -> float:
    return (p.x ** 2 + p.y ** 2) ** 0.5


origin: Point = Point(0, "0")
length: str = norm(origin)
