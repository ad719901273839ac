/** Load and micro benchmarks of SessionKit, side by side with micronaut-session. */
package dev.sessionkit.bench;
