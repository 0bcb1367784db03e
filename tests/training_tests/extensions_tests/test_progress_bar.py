import io
import re

from chainer_lite import testing
from chainer_lite.training import extensions


def test_output():
    out = io.StringIO()
    trainer = testing.get_trainer_with_mock_updater(
        (4, 'epoch'), iter_per_epoch=10)
    trainer.extend(extensions.ProgressBar(update_interval=5, bar_length=10,
                                          out=out))
    trainer.run()
    text = out.getvalue()
    frames = text.split('\033[J')
    # One frame per 5 iterations, then the final erase.
    assert len([f for f in frames if f]) == 8
    first = frames[1]
    assert first.startswith(
        '     total [#.........] 12.50%\n'
        'this epoch [#####.....] 50.00%\n'
        '         5 iter, 0 epoch / 4 epochs\n')
    assert re.search(r'iters/sec\. Estimated time to finish: '
                     r'[0-9:.]+\.\n\033\[4A$', first)
    assert frames[-2].startswith(
        '     total [##########] 100.00%\n'
        'this epoch [..........]  0.00%\n'
        '        40 iter, 4 epoch / 4 epochs\n')
    assert text.endswith('\033[J')


def test_training_length_in_iterations():
    out = io.StringIO()
    trainer = testing.get_trainer_with_mock_updater((20, 'iteration'))
    trainer.extend(extensions.ProgressBar(
        training_length=(40, 'iteration'), update_interval=20, out=out))
    trainer.run()
    assert '     total [#########################' \
        '.........................] 50.00%\n' in out.getvalue()
    assert '20 iter, 2 epoch / 40 iterations' in out.getvalue()
