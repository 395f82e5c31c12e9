"""Pruebas de jerarquicos.validation y de la validación de los motores."""

import numpy as np
import pytest

from jerarquicos.grid.brute_force import grid_posterior
from jerarquicos.grid.collapsed import collapsed_posterior
from jerarquicos.validation import (
    check_choice,
    check_counts,
    check_grid,
    check_kappa,
    check_positive_finite,
    check_prob,
    check_real_scalar,
    check_subject,
    check_unit_interval,
)

ENGINES = [grid_posterior, collapsed_posterior]


# ---------------------------------------------------------------- conteos


def test_counts_scalar_and_sequence():
    y, n = check_counts(3, 9)
    assert y.tolist() == [3] and n.tolist() == [9]
    assert y.dtype == np.int64
    y, n = check_counts([5, 4], (20, 8))
    assert y.tolist() == [5, 4] and n.tolist() == [20, 8]


def test_counts_accept_numpy_integers():
    y, n = check_counts(np.int32(2), np.uint8(7))
    assert (y[0], n[0]) == (2, 7)
    y, n = check_counts(np.array([1, 2], dtype=np.int16), [np.int64(3), np.int8(4)])
    assert y.tolist() == [1, 2] and n.tolist() == [3, 4]


@pytest.mark.parametrize("bad", [2.5, 2.0, np.float64(3.0), [1, 2.5], np.array([1.0, 2.0])])
def test_counts_reject_floats(bad):
    with pytest.raises(TypeError, match=r"'y'.*float"):
        check_counts(bad, 10 if np.ndim(bad) == 0 else [10, 10])


def test_float_message_shows_value():
    with pytest.raises(TypeError, match=r"y=2\.5"):
        check_counts(2.5, 10)


@pytest.mark.parametrize("bad", [True, np.bool_(False), [1, True], np.array([True, False])])
def test_counts_reject_bools(bad):
    with pytest.raises(TypeError, match=r"'N'.*(bool|booleanos)"):
        check_counts(np.zeros(np.size(bad), dtype=int), bad)


@pytest.mark.parametrize("bad", ["3", ["3"], None, [None], 1 + 2j])
def test_counts_reject_other_types(bad):
    with pytest.raises(TypeError, match="'y'"):
        check_counts(bad, 5)


def test_counts_negative():
    with pytest.raises(ValueError, match=r"'N'.*N\[1\]=-1"):
        check_counts([0, 0], [3, -1])
    with pytest.raises(ValueError, match=r"'y'.*no negativo.*y=-2"):
        check_counts(-2, 3)


def test_counts_y_greater_than_n():
    with pytest.raises(ValueError, match=r"sujeto 2.*y=9.*N=8"):
        check_counts([5, 9], [20, 8])


def test_counts_length_mismatch():
    with pytest.raises(ValueError, match=r"len\(y\)=2.*len\(N\)=3"):
        check_counts([1, 2], [3, 4, 5])


def test_counts_empty_and_2d():
    with pytest.raises(ValueError, match="'y'.*al menos un conteo"):
        check_counts([], [])
    with pytest.raises(ValueError, match="'y'.*forma"):
        check_counts([[1, 2]], [[3, 4]])


# ------------------------------------------------------- escalares reales


@pytest.mark.parametrize("value", [1, 2.5, np.float32(0.5), np.int64(3), np.array(2.0)])
def test_real_scalar_accepts(value):
    assert check_real_scalar(value, "x") == float(value)


@pytest.mark.parametrize("value", [True, "2", [2.0], np.array([1.0, 2.0]), None, 1j])
def test_real_scalar_rejects(value):
    with pytest.raises(TypeError, match="'x'"):
        check_real_scalar(value, "x")


@pytest.mark.parametrize("value", [0, -1.0, np.inf, np.nan])
def test_positive_finite(value):
    with pytest.raises(ValueError, match=r"'A_omega'.*mayor que 0.*A_omega="):
        check_positive_finite(value, "A_omega")
    assert check_positive_finite(0.3, "A_omega") == 0.3


def test_kappa_message_exact():
    expected = (
        "El argumento 'kappa' debe ser un número finito mayor o igual que 2; se recibió kappa=1.5."
    )
    with pytest.raises(ValueError) as info:
        check_kappa(1.5)
    assert str(info.value) == expected


@pytest.mark.parametrize("value", [np.inf, np.nan, -3, 1.999999])
def test_kappa_rejects(value):
    with pytest.raises(ValueError, match="'kappa'"):
        check_kappa(value)


def test_kappa_accepts_two():
    assert check_kappa(2) == 2.0


@pytest.mark.parametrize("value", [0, 1, -0.1, 1.5, np.nan])
def test_prob_rejects(value):
    with pytest.raises(ValueError, match=r"'prob'.*entre 0 y 1.*prob="):
        check_prob(value)


def test_prob_type():
    with pytest.raises(TypeError, match="'prob'"):
        check_prob("0.9")


def test_unit_interval():
    np.testing.assert_array_equal(check_unit_interval([0, 0.5, 1], "omega"), [0, 0.5, 1])
    with pytest.raises(ValueError, match=r"'omega'.*omega\[1\]=1\.2"):
        check_unit_interval([0.5, 1.2], "omega")


# ---------------------------------------------------------------- grillas


def test_grid_accepts_and_copies():
    grid = [0, 0.5, 1]
    out = check_grid(grid, "pi_grid")
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, [0.0, 0.5, 1.0])


@pytest.mark.parametrize(
    ("grid", "pattern"),
    [
        ([[0.0, 0.5], [0.6, 1.0]], "1-D"),
        ([0.5], "al menos 2"),
        ([0.0, np.nan, 1.0], r"omega_grid\[1\]=nan"),
        ([0.0, 0.5, 1.2], r"omega_grid\[2\]=1\.2"),
        ([-0.1, 0.5], r"omega_grid\[0\]=-0\.1"),
        ([0.0, 0.6, 0.5], "estrictamente creciente"),
        ([0.0, 0.5, 0.5, 1.0], "estrictamente creciente"),
    ],
)
def test_grid_rejects_values(grid, pattern):
    with pytest.raises(ValueError, match=r"'omega_grid'.*" + pattern + "|" + pattern):
        check_grid(grid, "omega_grid")


@pytest.mark.parametrize("grid", [[True, False], "0,1", None, ["a", "b"]])
def test_grid_rejects_types(grid):
    with pytest.raises(TypeError, match="'pi_grid'"):
        check_grid(grid, "pi_grid")


def test_subject_and_choice():
    assert check_subject(2, 3) == 2
    with pytest.raises(ValueError, match=r"'s'.*entre 1 y 2.*s=0"):
        check_subject(0, 2)
    with pytest.raises(ValueError, match="s=3"):
        check_subject(3, 2)
    with pytest.raises(TypeError, match="'s'"):
        check_subject(1.0, 2)
    with pytest.raises(TypeError, match="'s'"):
        check_subject(True, 2)
    with pytest.raises(ValueError, match=r"'which'.*'prior'.*which='prio'"):
        check_choice("prio", "which", ("prior", "posterior"))
    with pytest.raises(TypeError, match="'which'"):
        check_choice(1, "which", ("prior", "posterior"))


# ----------------------------------------- validación a través de los motores


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"kappa": 1.5}, ValueError, r"'kappa'.*kappa=1\.5"),
        ({"kappa": "5"}, TypeError, "'kappa'"),
        ({"A_omega": 0}, ValueError, r"'A_omega'.*A_omega=0"),
        ({"B_omega": -1}, ValueError, r"'B_omega'.*B_omega=-1"),
        ({"B_omega": np.inf}, ValueError, "'B_omega'"),
        ({"A_omega": True}, TypeError, "'A_omega'"),
        ({"y": [5, 4.0]}, TypeError, "'y'"),
        ({"N": [20, 3]}, ValueError, r"sujeto 2.*y=4.*N=3"),
        ({"N": [20]}, ValueError, "len"),
        ({"omega_grid": [0.5, 0.2]}, ValueError, "'omega_grid'"),
    ],
)
def test_engines_validate(engine, kwargs, exc, pattern):
    args = {"y": [5, 4], "N": [20, 8], "A_omega": 2, "B_omega": 2, "kappa": 5}
    args.update(kwargs)
    with pytest.raises(exc, match=pattern):
        engine(**args)


def test_grid_engine_validates_pi_grid_and_max_cells():
    with pytest.raises(ValueError, match="'pi_grid'"):
        grid_posterior(1, 2, 2, 2, 5, pi_grid=[0.1])
    with pytest.raises(ValueError, match=r"'max_cells'.*max_cells=0"):
        grid_posterior(1, 2, 2, 2, 5, max_cells=0)


# ----------------------------------------- enteros, booleanos, semillas y memoria


def test_check_integer_accepts_numpy_integers_and_rejects_floats_and_bools():
    from jerarquicos.validation import check_integer

    assert check_integer(np.int16(3), "n", minimum=1) == 3
    assert type(check_integer(np.array(4), "n")) is int
    with pytest.raises(TypeError, match=r"'n'.*n=2\.0.*int\(\.\.\.\)"):
        check_integer(2.0, "n")
    with pytest.raises(TypeError, match="n=True"):
        check_integer(True, "n")
    with pytest.raises(ValueError, match=r"entre 1 y 10.*n=11"):
        check_integer(11, "n", minimum=1, maximum=10)


def test_check_bool_does_not_take_text_as_true():
    from jerarquicos.validation import check_bool

    assert check_bool(np.bool_(False), "centered") is False
    for bad in ("no", "False", 0, None):
        with pytest.raises(TypeError, match="'centered' debe ser True o False"):
            check_bool(bad, "centered")


def test_check_random_seed_range_and_options():
    from jerarquicos.validation import MAX_SEED, check_random_seed

    assert check_random_seed(None) is None
    gen = np.random.default_rng(1)
    assert check_random_seed(gen) is gen
    assert check_random_seed(np.uint32(MAX_SEED)) == 2**32 - 1
    with pytest.raises(ValueError, match=r"random_seed=4294967296"):
        check_random_seed(MAX_SEED + 1)
    with pytest.raises(TypeError, match="obligatoria"):
        check_random_seed(None, allow_none=False)
    with pytest.raises(TypeError, match="Generator"):
        check_random_seed(gen, allow_generator=False)


def test_check_memory_reports_needed_memory_and_how_to_raise_the_limit():
    from jerarquicos.validation import check_memory

    check_memory(20_000_000, "n", what="la tabla")  # en el límite: pasa
    with pytest.raises(ValueError) as info:
        check_memory(10**9 * 101, "n", what="la tabla", limit_name="max_cells")
    message = str(info.value)
    assert "101.000.000.000 elementos" in message and "808.0 GB" in message
    assert "20.000.000" in message and "max_cells" in message


def test_format_bytes_units():
    from jerarquicos.validation import format_bytes

    assert format_bytes(512) == "0.5 kB"
    assert format_bytes(1.6e9) == "1.6 GB"
    assert format_bytes(8.5e12) == "8.5 TB"


# ---------------------------------------------------------------- figuras y ajustes


def test_new_validators_return_valid_inputs_unchanged():
    import arviz as az
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from jerarquicos.plots.layout import NARROW, WIDE
    from jerarquicos.validation import (
        check_ax,
        check_cmap,
        check_color,
        check_dataframe,
        check_finite_array,
        check_idata,
        check_interval,
        check_layout,
        check_mapping,
        check_normal_prior,
        check_text,
    )

    _, ax = plt.subplots()
    assert check_ax(ax) is ax and check_ax(None) is None
    plt.close("all")
    assert check_layout(WIDE) is WIDE and check_layout(NARROW) is NARROW
    idata = az.from_dict(posterior={"a": np.zeros((1, 3))})
    assert check_idata(idata) is idata
    df = pd.DataFrame({"a": [1.0], "b": [2.0]})
    assert check_dataframe(df, "df", columns=("a",)) is df  # sin copiar
    assert check_dataframe(df.iloc[:0], "df", min_rows=0).empty
    assert check_text("x", "t") == "x" and check_text(None, "t", allow_none=True) is None
    assert check_finite_array([1, 2], "v").tolist() == [1.0, 2.0]
    assert check_interval((0, 1), "r") == (0.0, 1.0)
    assert check_interval(np.array([0.2, 0.4]), "r", lower=0, upper=1) == (0.2, 0.4)
    assert check_color("C0") == "C0" and check_color((0.1, 0.2, 0.3)) == (0.1, 0.2, 0.3)
    assert check_cmap("viridis") == "viridis"
    panels = {"a": (1, 2)}
    assert check_mapping(panels, "p", what="{a: (x, y)}", item_len=2) is panels
    assert check_normal_prior((1, 2), "m") == (1.0, 2.0)


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (lambda v: v.check_interval((1.0, 1.0), "r"), ValueError, "inicio < fin"),
        (lambda v: v.check_interval((0.0, 2.0), "r", upper=1.0), ValueError, "dentro de"),
        (
            lambda v: v.check_mapping({"a": "xy"}, "p", what="{a: (x, y)}", item_len=2),
            ValueError,
            "tupla",
        ),
        (lambda v: v.check_normal_prior((0.0, -1.0), "m"), ValueError, "'m[1]'"),
        (lambda v: v.check_finite_array([1.0, np.inf], "v"), ValueError, "v[1]"),
        (lambda v: v.check_text(b"x", "t"), TypeError, "cadena"),
    ],
)
def test_new_validators_reject_with_the_argument_name(call, error, fragment):
    from jerarquicos import validation

    with pytest.raises(error, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        call(validation)
