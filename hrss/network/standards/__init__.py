"""八统一标准 (standards), a part of 平台建设与考核 (hrss/network)."""
