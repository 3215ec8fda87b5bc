^version=2018-10-31&res=products%2F469948%2Fdevices%2FChic_D&et=[0-9]{10}&method=sha1&sign=[A-Za-z0-9%]+%3D$
