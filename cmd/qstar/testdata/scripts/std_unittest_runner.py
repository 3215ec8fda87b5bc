import unittest

class Base(unittest.TestCase):
    log = []
    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass " + cls.__name__)
    @classmethod
    def tearDownClass(cls):
        cls.log.append("tearDownClass " + cls.__name__)
    def test_one(self):
        """Checks one thing."""
        self.assertEqual([1, 2], [1, 2])
    def test_two(self):
        self.assertNotEqual(1, 2)
        self.assertGreater(3, 2)
        self.assertRegex("hello world", r"wor")
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad value")
    def test_raises_missing(self):
        with self.assertRaises(KeyError):
            pass

@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_a(self):
        pass

class Ok(unittest.TestCase):
    def test_msg(self):
        self.assertTrue(False, "custom message")

prog = unittest.main(exit=False, verbosity=2)
print(prog.result.wasSuccessful(), prog.result.testsRun, len(prog.result.failures), len(prog.result.skipped))
print(Base.log)
suite = unittest.TestSuite()
suite.addTest(Base("test_one"))
r = unittest.TextTestRunner(verbosity=0).run(suite)
print(r.wasSuccessful(), r.testsRun)
