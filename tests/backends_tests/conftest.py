from backends_tests.cupy_fixture import fake_cupy  # NOQA
