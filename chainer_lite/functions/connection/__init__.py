"""Connection functions: linear maps, convolutions and embeddings."""
