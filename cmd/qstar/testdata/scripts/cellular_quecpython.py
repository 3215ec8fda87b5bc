# A vendor-style script: the REPL session from the QuecPython cloud guides.
import sim
import dataCall
import checkNet

print(sim.getStatus())
print(dataCall.getInfo(1, 2))
stage, state = checkNet.wait_network_connected(30)
if stage == 3 and state == 1:
    print('Network connection successful.')
else:
    print('Network connection failed, stage={}, state={}'.format(stage, state))
