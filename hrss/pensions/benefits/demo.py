"""hrss demo's data for the benefits part: in 下城社区, a pension paying and shown with its calculation."""


def demo(stdout, options):
    return None
