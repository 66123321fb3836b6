/** Tests of the demo: the whole of it in this JVM. */
package io.tributary.demo;
