import os
import sys

# The fixture loader is a helper module of the tests, not of the package.
sys.path.insert(0, os.path.dirname(__file__))
