"""五个100% (targets), a part of 平台建设与考核 (hrss/network)."""
