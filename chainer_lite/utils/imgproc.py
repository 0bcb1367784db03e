"""Image preprocessing helpers for the pretrained vision models."""
import numpy


def oversample(images, crop_dims):
    """Crops ten views of each image: four corners, centre and their mirrors.

    Args:
        images (sequence of numpy.ndarray): Images of shape ``(c, h, w)``.
        crop_dims (tuple of int): Crop size ``(h, w)``.

    Returns:
        numpy.ndarray: ``(10 * len(images), c, crop_h, crop_w)``; for each
        image the five crops (top-left, top-right, bottom-left,
        bottom-right, centre) followed by their horizontal mirrors.
    """
    channels, src_h, src_w = images[0].shape
    dst_h, dst_w = crop_dims
    top = int(src_h / 2.0 - dst_h / 2.0)
    left = int(src_w / 2.0 - dst_w / 2.0)
    corners = [(0, 0), (0, src_w - dst_w), (src_h - dst_h, 0),
               (src_h - dst_h, src_w - dst_w), (top, left)]
    crops = numpy.empty((10 * len(images), channels, dst_h, dst_w),
                        dtype=images[0].dtype)
    for i, img in enumerate(images):
        base = 10 * i
        for j, (y, x) in enumerate(corners):
            crops[base + j] = img[:, y:y + dst_h, x:x + dst_w]
        crops[base + 5:base + 10] = crops[base:base + 5, :, :, ::-1]
    return crops
