def demo(stdout, options):
    return None
