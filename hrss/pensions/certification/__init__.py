"""领取待遇资格认证 (certification): a part of the 社会保险服务 area (core/parts.py)."""
