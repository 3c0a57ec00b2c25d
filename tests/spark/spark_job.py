"""Runs baocao over a JSON Lines dataset with Apache Spark (local mode) through RDD.pipe.

    spark_job.py BAOCAO_BINARY DATASET.jsonl OUT.jsonl

The binary is shipped with SparkContext.addFile, as on a cluster; each partition's rows stream
through `baocao extract - --input-format jsonl` and the records come back in row order.
"""
import os
import shlex
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession

binary, dataset, out = sys.argv[1:4]
spark = (
    SparkSession.builder.master("local[2]")
    .appName("baocao-pipe")
    .config("spark.ui.enabled", "false")
    .config("spark.driver.bindAddress", "127.0.0.1")
    .getOrCreate()
)
sc = spark.sparkContext
sc.setLogLevel("ERROR")
sc.addFile(binary)
name = os.path.basename(binary)
rows = sc.textFile(dataset, minPartitions=3)
command = " ".join(shlex.quote(a) for a in [
    SparkFiles.get(name), "extract", "-", "--input-format", "jsonl",
    "--stdin-name", os.path.basename(dataset), "--quiet", "--threads", "1"])
records = rows.pipe(command, env={"LC_ALL": "C.UTF-8"}).collect()
with open(out, "w", encoding="utf-8") as f:
    for line in records:
        f.write(line + "\n")
print(f"spark: {rows.getNumPartitions()} partitions, {len(records)} records")
spark.stop()
