"""SpectralNormalization: a weight divided by its largest singular value."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite import functions as F
from chainer_lite.link_hooks import _weight_hook
from chainer_lite import links as L
from chainer_lite import variable


def l2normalize(xp, v, eps):
    """Returns ``v / (||v|| + eps)``."""
    norm = xp.linalg.norm(v)
    return v / (norm + eps)


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
    W = weight_matrix.array
    xp = backend.get_array_module(W)
    # Alternately project through W^T and W, normalizing each time.
    for _ in range(n_power_iteration):
        v = l2normalize(xp, xp.dot(u, W), eps)
        u = l2normalize(xp, xp.dot(W, v), eps)
    return u, v


def calculate_max_singular_value(weight_matrix, u, v):
    """Returns ``u^T W v``, the estimated largest singular value."""
    u_W = F.matmul(u, weight_matrix)
    return F.matmul(u_W, v)


class SpectralNormalization(_weight_hook.WeightSubstitutionHook):
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

    def added(self, link):
        self._check_weight_exists(link)
        # A deconvolution weight is (in, out, ...): normalize along out.
        if isinstance(link, (L.Deconvolution2D, L.DeconvolutionND)):
            self.axis = 1
        if getattr(link, self.weight_name).array is not None:
            self._prepare_parameters(link)

    def deleted(self, link):
        delattr(link, self.vector_name)
        if self.use_gamma:
            del link.gamma

    def _substitute(self, link, cb_args):
        if not self._initialized:
            self._prepare_parameters(link, cb_args.args[0])
        return self.normalize_weight(link)

    def _prepare_parameters(self, link, input_variable=None):
        # Sizes a lazy weight from the input, draws the starting vector of
        # the power iteration (persistent value ``<weight_name>_u``) and,
        # with use_gamma, creates ``gamma`` equal to the largest singular
        # value of the initial weight.
        W = getattr(link, self.weight_name)
        if W.array is None and input_variable is not None:
            link._initialize_params(input_variable.shape[1])
        n_rows = W.shape[self.axis]
        if n_rows == 0:
            raise ValueError(
                'Expect {}.shape[{}] > 0'.format(self.weight_name, self.axis))
        start = link.xp.random.normal(size=(n_rows,))
        setattr(link, self.vector_name, start.astype(dtype=W.dtype))
        link.register_persistent(self.vector_name)
        if self.use_gamma:
            singular_values = link.xp.linalg.svd(
                self.reshape_W(W.array))[1]
            with link.init_scope():
                link.gamma = variable.Parameter(
                    chainer_lite.utils.force_array(singular_values[0]))
        self._initialized = True

    def normalize_weight(self, link):
        """Returns the normalized weight (a variable on the graph of ``W``).

        Args:
            link (~chainer.Link): The link holding the weight.
        """
        W = getattr(link, self.weight_name)
        matrix = self.reshape_W(W)
        recomputing = configuration.config.in_recomputing
        if recomputing:
            # The first pass stored its vectors: reuse them so that the
            # recomputed graph is the same.
            u, v = getattr(link, self.vector_name), self.v
        else:
            with backend.using_device(link.device):
                u, v = update_approximate_vectors(
                    matrix, getattr(link, self.vector_name),
                    self.n_power_iteration, self.eps)
        sigma = calculate_max_singular_value(matrix, u, v)
        if self.factor is not None:
            sigma /= self.factor
        normalized = (link.gamma * W if self.use_gamma else W) / sigma
        if not recomputing:
            self.v = v
            if configuration.config.train:
                # The estimate improves across training iterations only.
                with backend.using_device(link.device):
                    backend.copyto(getattr(link, self.vector_name), u)
        return normalized

    def reshape_W(self, W):
        """Returns the weight as a matrix with ``self.axis`` as rows."""
        if self.axis != 0:
            rest = [a for a in range(W.ndim) if a != self.axis]
            W = W.transpose([self.axis] + rest)
        return W if W.ndim == 2 else W.reshape(W.shape[0], -1)
