"""Trainer extensions: evaluation, logging, reporting, snapshots, schedules."""
from chainer_lite.training.extensions._snapshot import snapshot  # NOQA
from chainer_lite.training.extensions._snapshot import snapshot_object  # NOQA
from chainer_lite.training.extensions.computational_graph import DumpGraph  # NOQA
from chainer_lite.training.extensions.evaluator import Evaluator  # NOQA
from chainer_lite.training.extensions.exponential_shift import ExponentialShift  # NOQA
from chainer_lite.training.extensions.fail_on_nonnumber import FailOnNonNumber  # NOQA
from chainer_lite.training.extensions.inverse_shift import InverseShift  # NOQA
from chainer_lite.training.extensions.linear_shift import LinearShift  # NOQA
from chainer_lite.training.extensions.log_report import LogReport  # NOQA
from chainer_lite.training.extensions.micro_average import MicroAverage  # NOQA
from chainer_lite.training.extensions.multistep_shift import MultistepShift  # NOQA
from chainer_lite.training.extensions.parameter_statistics import ParameterStatistics  # NOQA
from chainer_lite.training.extensions.plot_report import PlotReport  # NOQA
from chainer_lite.training.extensions.polynomial_shift import PolynomialShift  # NOQA
from chainer_lite.training.extensions.print_report import PrintReport  # NOQA
from chainer_lite.training.extensions.progress_bar import ProgressBar  # NOQA
from chainer_lite.training.extensions.step_shift import StepShift  # NOQA
from chainer_lite.training.extensions.value_observation import observe_lr  # NOQA
from chainer_lite.training.extensions.value_observation import observe_value  # NOQA
from chainer_lite.training.extensions.variable_statistics_plot import VariableStatisticsPlot  # NOQA
from chainer_lite.training.extensions.variable_unchain import unchain_variables  # NOQA
from chainer_lite.training.extensions.warmup_shift import WarmupShift  # NOQA
from chainer_lite.training.extensions import snapshot_writers  # NOQA

# Alias
from chainer_lite.training.extensions.computational_graph import DumpGraph as dump_graph  # NOQA
