"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.connection.bilinear import bilinear  # NOQA
from chainer_lite.functions.connection.convolution_2d import convolution_2d  # NOQA
from chainer_lite.functions.connection.convolution_nd import convolution_1d  # NOQA
from chainer_lite.functions.connection.convolution_nd import convolution_3d  # NOQA
from chainer_lite.functions.connection.convolution_nd import convolution_nd  # NOQA
from chainer_lite.functions.connection.deconvolution_2d import deconvolution_2d  # NOQA
from chainer_lite.functions.connection.deconvolution_nd import deconvolution_1d  # NOQA
from chainer_lite.functions.connection.deconvolution_nd import deconvolution_3d  # NOQA
from chainer_lite.functions.connection.deconvolution_nd import deconvolution_nd  # NOQA
from chainer_lite.functions.connection.deformable_convolution_2d_sampler import deformable_convolution_2d_sampler  # NOQA
from chainer_lite.functions.connection.depthwise_convolution_2d import depthwise_convolution_2d  # NOQA
from chainer_lite.functions.connection.dilated_convolution_2d import dilated_convolution_2d  # NOQA
from chainer_lite.functions.connection.embed_id import embed_id  # NOQA
from chainer_lite.functions.connection.linear import linear  # NOQA
from chainer_lite.functions.connection.local_convolution_2d import local_convolution_2d  # NOQA
from chainer_lite.functions.connection.shift import shift  # NOQA
