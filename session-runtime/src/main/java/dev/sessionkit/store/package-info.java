/** The storage SPI: {@link dev.sessionkit.store.KvAdaptor} and the records it moves. */
package dev.sessionkit.store;
