"""Serializers: the NPZ format (standard) and HDF5 (needs h5py)."""
from chainer_lite.serializers.hdf5 import HDF5Deserializer  # NOQA
from chainer_lite.serializers.hdf5 import HDF5Serializer  # NOQA
from chainer_lite.serializers.hdf5 import load_hdf5  # NOQA
from chainer_lite.serializers.hdf5 import save_hdf5  # NOQA
from chainer_lite.serializers.npz import DictionarySerializer  # NOQA
from chainer_lite.serializers.npz import load_npz  # NOQA
from chainer_lite.serializers.npz import NpzDeserializer  # NOQA
from chainer_lite.serializers.npz import save_npz  # NOQA
