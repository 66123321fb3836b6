/** {@code tributary demo}: the catalog with a live streaming pipeline that feeds it lineage. */
package io.tributary.cli.demo;
