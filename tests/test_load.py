"""The load stage: what a source may be, and the errors for inputs that are not documents."""

from pathlib import Path

import pytest

from gkparse.errors import BinaryInputError, EmptyInputError, InputError
from gkparse.load import load


def test_str_is_text_bytes_are_bytes_paths_are_read(tmp_path):
    assert load("正文").text == "正文"
    assert load("正文".encode("gb18030")).data == "正文".encode("gb18030")
    f = tmp_path / "r.txt"
    f.write_bytes("正文".encode())
    raw = load(f)
    assert raw.name == str(f) and raw.data == "正文".encode()


@pytest.mark.parametrize(
    "make, error, words",
    [
        (lambda p: p / "missing.txt", InputError, "no such file"),
        (lambda p: p, InputError, "is a directory"),
    ],
)
def test_path_errors_name_the_input(tmp_path, make, error, words):
    path = make(tmp_path)
    with pytest.raises(error) as info:
        load(path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_empty_and_binary_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInputError, match="0 bytes"):
        load(empty)
    with pytest.raises(EmptyInputError):
        load("  \n\t ")
    with pytest.raises(BinaryInputError, match="binary"):
        load(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_unsupported_type():
    with pytest.raises(InputError, match="cannot parse an object of type int"):
        load(42)  # type: ignore[arg-type]
