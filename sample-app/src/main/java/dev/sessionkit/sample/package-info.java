/** The sample shop that shows SessionKit in a real application. */
package dev.sessionkit.sample;
