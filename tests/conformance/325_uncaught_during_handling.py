import asyncio


class Config:
    def __init__(self, data):
        self.data = data

    def get(self, key):
        try:
            return self.data[key]
        except KeyError:
            raise LookupError(f"missing config key {key!r}")


async def load_settings(cfg):
    await asyncio.sleep(0)
    port = cfg.get("port")
    timeout = cfg.get("timeout")
    return port, timeout


async def main():
    cfg = Config({"port": 8080})
    try:
        return await load_settings(cfg)
    finally:
        print("cleanup ran")


asyncio.run(main())
