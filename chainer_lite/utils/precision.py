"""Running float16 computations in float32."""
import functools

import numpy


def _fp16_mixed_precision_helper(fn):
    # Decorates ``forward(self, inputs)``: float16 inputs are computed in
    # float32, and float32 outputs are cast back to float16 when no input
    # was a wider float (int inputs do not count).
    @functools.wraps(fn)
    def wrapper(self, in_data):
        back_to_half = all([x.dtype.kind != 'f' or x.dtype == numpy.float16
                            for x in in_data])
        in_data = tuple([x.astype(numpy.float32)
                         if x.dtype == numpy.float16 else x
                         for x in in_data])
        out_data = fn(self, in_data)
        if back_to_half:
            out_data = tuple([
                y.astype(numpy.float16)
                if y is not None and y.dtype == numpy.float32 else y
                for y in out_data])
        return out_data
    return wrapper
