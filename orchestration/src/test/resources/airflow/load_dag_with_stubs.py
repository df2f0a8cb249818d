"""Loads a DAG file with stand-ins for Airflow and pendulum (neither can be installed here) and prints, as JSON,
what it declared: the DAG's arguments, its tasks in order with their operator and arguments, the chain, and the
period its macro computes for a few runs. Usage: python3 load_dag_with_stubs.py DAG_FILE"""
import datetime
import json
import runpy
import sys
import types
import zoneinfo

declared = {"dag": None, "tasks": [], "chain": None}


class _Moment:
    """The few pendulum.DateTime methods the DAG uses, over a stdlib aware datetime."""

    def __init__(self, dt):
        self.dt = dt

    def in_timezone(self, tz):
        return _Moment(self.dt.astimezone(tz))

    def start_of(self, unit):
        assert unit == "month", unit
        return _Moment(self.dt.replace(day=1, hour=0, minute=0, second=0, microsecond=0))

    def subtract(self, days=0):
        return _Moment(self.dt - datetime.timedelta(days=days))

    def strftime(self, fmt):
        return self.dt.strftime(fmt)


pendulum = types.ModuleType("pendulum")
pendulum.timezone = zoneinfo.ZoneInfo
pendulum.datetime = lambda y, m, d, tz=None: datetime.datetime(y, m, d, tzinfo=tz)
pendulum.instance = lambda dt: _Moment(dt)


def _plain(value):
    if isinstance(value, datetime.timedelta):
        return {"seconds": int(value.total_seconds())}
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.tzinfo):
        return str(value)
    if isinstance(value, Param):
        return {"default": value.default, **{k: _plain(v) for k, v in value.schema.items()}}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not callable(v)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class DAG:
    def __init__(self, **kwargs):
        self.kwargs = kwargs
        declared["dag"] = {k: _plain(v) for k, v in kwargs.items() if k != "user_defined_macros"}
        declared["dag"]["user_defined_macros"] = sorted(kwargs.get("user_defined_macros", {}))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Param:
    def __init__(self, default=None, **schema):
        self.default = default
        self.schema = schema


class _Operator:
    def __init__(self, **kwargs):
        self.task_id = kwargs["task_id"]
        declared["tasks"].append({"operator": type(self).__name__, **{k: _plain(v) for k, v in kwargs.items()}})


class BashOperator(_Operator):
    pass


class SparkSubmitOperator(_Operator):
    pass


def chain(*tasks):
    declared["chain"] = [t.task_id for t in tasks]


def _module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


sys.modules["pendulum"] = pendulum
_module("airflow")
_module("airflow.sdk", DAG=DAG, Param=Param, chain=chain)
_module("airflow.providers")
_module("airflow.providers.standard")
_module("airflow.providers.standard.operators")
_module("airflow.providers.standard.operators.bash", BashOperator=BashOperator)
_module("airflow.providers.apache")
_module("airflow.providers.apache.spark")
_module("airflow.providers.apache.spark.operators")
_module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=SparkSubmitOperator)

module = runpy.run_path(sys.argv[1])
macro = module["cdht_period"]
utc = datetime.timezone.utc


def run(run_after):
    return types.SimpleNamespace(run_after=datetime.datetime.fromisoformat(run_after).replace(tzinfo=utc))


declared["periods"] = {
    # The scheduled run of 1 November 02:00 in Vietnam starts at 19:00 UTC on 31 October.
    "2026-10-31T19:00:00": macro(run("2026-10-31T19:00:00"), {"period": None}),
    "2026-11-15T03:00:00": macro(run("2026-11-15T03:00:00"), {"period": None}),
    "2026-01-01T00:00:00": macro(run("2026-01-01T00:00:00"), {"period": None}),
    "with param 2026-05": macro(run("2026-10-31T19:00:00"), {"period": "2026-05"}),
}
print(json.dumps(declared, ensure_ascii=False, sort_keys=True))
