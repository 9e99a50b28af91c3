from dataclasses import dataclass, field

@dataclass
class Job:
    name: str
    duration: float = 1.0
    tags: list = field(default_factory=list)

@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

j = Job("build")
j.tags.append("ci")
print(j, Job("test", 2.5), j == Job("build", 1.0, ["ci"]), Point(1, 2), Point(3) == Point(3, 0))
class Plain:
    x: int = 3
print(Plain.x)
