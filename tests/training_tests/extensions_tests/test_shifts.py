import pytest

from chainer_lite import testing
from chainer_lite.training import extensions


class Opt(object):
    lr = 1.0


def _values(extension, n, optimizer):
    trainer = testing.get_trainer_with_mock_updater((n, 'iteration'))
    trainer.updater.get_optimizer.return_value = optimizer
    extension.initialize(trainer)
    values = [optimizer.lr]
    for _ in range(n):
        trainer.updater.update()
        extension(trainer)
        values.append(optimizer.lr)
    return values


@pytest.mark.parametrize('make,expected', [
    (lambda: extensions.ExponentialShift('lr', 0.5, init=2.),
     [2., 1., .5, .25]),
    (lambda: extensions.ExponentialShift('lr', 0.5, init=2., target=0.8),
     [2., 1., .8, .8]),
    (lambda: extensions.ExponentialShift('lr', 2., init=-1., target=-3.),
     [-1., -2., -3., -3.]),
    (lambda: extensions.ExponentialShift('lr', 0.5), [1., .5, .25, .125]),
    (lambda: extensions.StepShift('lr', 0.1, 2, init=1.),
     [1., 1., .1, .1]),
    (lambda: extensions.InverseShift('lr', 1., 1., init=1.),
     [1., .5, 1 / 3, .25]),
    (lambda: extensions.PolynomialShift('lr', 1., 3, init=3.),
     [3., 2., 1., 0.]),
    (lambda: extensions.PolynomialShift('lr', 1., 3, init=3., target=1.5),
     [3., 2., 1.5, 1.5]),
    (lambda: extensions.LinearShift('lr', (1., 2.), (1, 3)),
     [1., 1., 1.5, 2.]),
    (lambda: extensions.MultistepShift('lr', 0.5, [1, 3], 4.),
     [4., 2., 2., 1.]),
    (lambda: extensions.WarmupShift('lr', 0., 2, 1.),
     [0., .5, 1., 1.]),
])
def test_schedules(make, expected):
    assert _values(make(), 3, Opt()) == pytest.approx(expected)


def test_explicit_optimizer():
    opt = Opt()
    ext = extensions.ExponentialShift('lr', 0.5, optimizer=opt)
    trainer = testing.get_trainer_with_mock_updater()
    ext.initialize(trainer)
    ext(trainer)
    assert opt.lr == 0.5
    trainer.updater.get_optimizer.assert_not_called()


@pytest.mark.parametrize('make', [
    lambda: extensions.ExponentialShift('lr', 0.5),
    lambda: extensions.StepShift('lr', 0.5, 1),
    lambda: extensions.InverseShift('lr', 1., 1.),
    lambda: extensions.PolynomialShift('lr', 1., 10),
    lambda: extensions.LinearShift('lr', (1., 0.), (0, 10)),
])
def test_resume_restores_value(make):
    ext = make()
    opt = Opt()
    _values(ext, 2, opt)
    restored = make()
    testing.save_and_load_npz(ext, restored)
    fresh = Opt()
    trainer = testing.get_trainer_with_mock_updater()
    trainer.updater.get_optimizer.return_value = fresh
    restored.initialize(trainer)
    assert fresh.lr == opt.lr
    assert isinstance(fresh.lr, float)
    assert restored._t == 2


def test_negative_arguments():
    with pytest.raises(ValueError, match='negative rate'):
        extensions.ExponentialShift('lr', -1.)
    with pytest.raises(ValueError, match='negative gamma'):
        extensions.InverseShift('lr', -1., 1.)


def test_observe_lr_and_value():
    class Opt2(object):
        lr = 0.25

    trainer = testing.get_trainer_with_mock_updater()
    trainer.updater.get_optimizer.return_value = Opt2()
    trainer.observation = {}
    extensions.observe_lr()(trainer)
    extensions.observe_value('it', lambda t: t.updater.iteration)(trainer)
    assert trainer.observation == {'lr': 0.25, 'it': 0}
    assert extensions.observe_lr().priority == 300
