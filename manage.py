#!/usr/bin/env python
from hrss.__main__ import main

if __name__ == "__main__":
    main()
