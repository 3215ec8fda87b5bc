# exit: 1
import unittest

def add(a, b):
    return a + b

class TestMath(unittest.TestCase):
    def setUp(self):
        self.data = [1, 2, 3]

    def test_add(self):
        self.assertEqual(add(2, 3), 5)
        self.assertTrue(add(0, 1))
        self.assertIn(2, self.data)

    def test_fail(self):
        self.assertEqual(add(1, 1), 3)

    def test_error(self):
        raise ValueError("broken")

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertRaises(KeyError, lambda: {}["x"])
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

    @unittest.skip("not ready")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

class TestStrings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("abc".upper(), "ABC")
    def test_isnone(self):
        self.assertIsNone(None)
        self.assertIsInstance("x", str)

if __name__ == "__main__":
    print("before")
    unittest.main()
