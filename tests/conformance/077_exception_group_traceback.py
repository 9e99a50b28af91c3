def validate(items):
    errors = []
    for i, item in enumerate(items):
        if not isinstance(item, int):
            errors.append(TypeError(f"item {i} is {type(item).__name__}"))
        elif item < 0:
            errors.append(ValueError(f"item {i} is negative"))
    if errors:
        raise ExceptionGroup("validation failed", errors)


print("validating")
validate([1, -2, "x"])
