"""SpectralNormalization: a weight divided by its largest singular value."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite import functions as F
from chainer_lite import link_hook
from chainer_lite import links as L
from chainer_lite import variable


def l2normalize(xp, v, eps):
    """Returns ``v / (||v|| + eps)``."""
    return v / (xp.linalg.norm(v) + eps)


def update_approximate_vectors(weight_matrix, u, n_power_iteration, eps):
    """Runs power iterations for the first singular vectors of a matrix.

    Args:
        weight_matrix (~chainer.Variable): The 2-D weight.
        u (:ref:`ndarray`): Current estimate of the first left singular
            vector.
        n_power_iteration (int): Number of iterations.
        eps (float): Epsilon of the normalizations.

    Returns:
        tuple: The new estimates ``(u, v)`` (arrays, not on the graph).
    """
    weight_matrix = weight_matrix.array
    xp = backend.get_array_module(weight_matrix)
    for _ in range(n_power_iteration):
        v = l2normalize(xp, xp.dot(u, weight_matrix), eps)
        u = l2normalize(xp, xp.dot(weight_matrix, v), eps)
    return u, v


def calculate_max_singular_value(weight_matrix, u, v):
    """Returns ``u^T W v``, the estimated largest singular value."""
    return F.matmul(F.matmul(u, weight_matrix), v)


class SpectralNormalization(link_hook.LinkHook):
    """Link hook replacing a weight by its spectrally normalized version.

    During each forward call of the link the weight ``W`` (viewed as a
    matrix whose rows are its first axis, or its second for deconvolutions)
    is replaced by ``W / sigma``, ``sigma`` being the largest singular value
    estimated by power iteration with the persistent vector ``W_u``
    (updated in training mode). With ``use_gamma`` a learned scale
    ``gamma`` (initialized to the true largest singular value) multiplies
    the result. The hook must be registered with
    :meth:`~chainer.Link.add_hook`.

    Reference: Miyato et al., https://arxiv.org/abs/1802.05957

    Args:
        n_power_iteration (int): Power iterations per forward call.
        eps (float): Epsilon of the vector normalizations.
        use_gamma (bool): Whether to learn a scale ``gamma``.
        factor (float): ``sigma`` is divided by it if given.
        weight_name (str): Name of the weight parameter.
        name (str): Name of the hook (``'SpectralNormalization'``).

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> from chainer.link_hooks import SpectralNormalization
        >>> layer = L.Linear(3, 4)
        >>> _ = layer.add_hook(SpectralNormalization())
        >>> layer(np.ones((2, 3), np.float32)).shape
        (2, 4)
        >>> layer.W_u.shape
        (4,)
    """

    name = 'SpectralNormalization'

    def __init__(self, n_power_iteration=1, eps=1e-6, use_gamma=False,
                 factor=None, weight_name='W', name=None):
        assert n_power_iteration > 0
        self.n_power_iteration = n_power_iteration
        self.eps = eps
        self.use_gamma = use_gamma
        self.factor = factor
        self.weight_name = weight_name
        self.vector_name = weight_name + '_u'
        self._initialized = False
        self.axis = 0
        if name is not None:
            self.name = name

    def __enter__(self):
        raise NotImplementedError(
            'This hook is not supposed to be used as context manager.')

    def __exit__(self):
        raise NotImplementedError

    def added(self, link):
        if not hasattr(link, self.weight_name):
            raise ValueError(
                'Weight \'{}\' does not exist!'.format(self.weight_name))
        # A deconvolution weight is (in, out, ...): normalize along out.
        if isinstance(link, (L.Deconvolution2D, L.DeconvolutionND)):
            self.axis = 1
        if getattr(link, self.weight_name).array is not None:
            self._prepare_parameters(link)

    def deleted(self, link):
        delattr(link, self.vector_name)
        if self.use_gamma:
            del link.gamma

    def forward_preprocess(self, cb_args):
        link = cb_args.link
        if not self._initialized:
            self._prepare_parameters(link, cb_args.args[0])
        self.original_weight = getattr(link, self.weight_name)
        setattr(link, self.weight_name, self.normalize_weight(link))

    def forward_postprocess(self, cb_args):
        setattr(cb_args.link, self.weight_name, self.original_weight)

    def _prepare_parameters(self, link, input_variable=None):
        # Initializes a lazy weight from the input, draws the initial
        # vector W_u (a persistent value) and, with use_gamma, creates
        # gamma from the largest singular value of the weight.
        if getattr(link, self.weight_name).array is None:
            if input_variable is not None:
                link._initialize_params(input_variable.shape[1])
        initialW = getattr(link, self.weight_name)
        if initialW.shape[self.axis] == 0:
            raise ValueError(
                'Expect {}.shape[{}] > 0'.format(self.weight_name, self.axis))
        u = link.xp.random.normal(
            size=(initialW.shape[self.axis],)).astype(dtype=initialW.dtype)
        setattr(link, self.vector_name, u)
        link.register_persistent(self.vector_name)
        if self.use_gamma:
            weight_matrix = self.reshape_W(initialW.array)
            _, s, _ = link.xp.linalg.svd(weight_matrix)
            with link.init_scope():
                link.gamma = variable.Parameter(
                    chainer_lite.utils.force_array(s[0]))
        self._initialized = True

    def normalize_weight(self, link):
        """Returns the normalized weight (a variable on the graph of ``W``).

        Args:
            link (~chainer.Link): The link holding the weight.
        """
        W = getattr(link, self.weight_name)
        u = getattr(link, self.vector_name)
        weight_matrix = self.reshape_W(W)
        if not configuration.config.in_recomputing:
            with backend.using_device(link.device):
                u, v = update_approximate_vectors(
                    weight_matrix, u, self.n_power_iteration, self.eps)
        else:
            v = self.v
        sigma = calculate_max_singular_value(weight_matrix, u, v)
        if self.factor is not None:
            sigma /= self.factor
        if self.use_gamma:
            W = link.gamma * W / sigma
        else:
            W = W / sigma
        if not configuration.config.in_recomputing:
            self.v = v
            if configuration.config.train:
                with backend.using_device(link.device):
                    backend.copyto(getattr(link, self.vector_name), u)
        return W

    def reshape_W(self, W):
        """Returns the weight as a matrix with ``self.axis`` as rows."""
        if self.axis != 0:
            axes = [self.axis] + [i for i in range(W.ndim) if i != self.axis]
            W = W.transpose(axes)
        if W.ndim == 2:
            return W
        return W.reshape(W.shape[0], -1)
