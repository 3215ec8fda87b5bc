^INFO:App:network ready after 1 tries$
^ERROR:App:publish failed: \{'rc': -1\}$
